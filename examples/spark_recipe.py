# The PySpark recipe from docs/integrations.md, run once locally.
import pandas as pd
from pyspark.sql import SparkSession
from pyspark.sql.functions import pandas_udf

import bnnorm.pandas  # noqa: F401  (registers Series.bn in each Python worker)

spark = SparkSession.builder.master("local[2]").appName("bnnorm").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")


@pandas_udf("string")
def normalize_bn(texts: pd.Series) -> pd.Series:
    import bnnorm.pandas  # noqa: F401  (workers import it once; tables load once per worker)

    return texts.bn.normalize()


rows = [
    (1, "শনিবার, ২০ ডিসেম্বর ২০২৫, ৬ পৌষ ১৪৩২ বঙ্গাব্দ"),
    (2, "চিনের প্রেসিডেন্ট শি জিনপিং (Xi Jinping) বেজিংয়ে\u00a0পৌঁছেছেন ।"),
    (3, None),
    (4, "রাত ৯টা ৩০ মিনিটে ১,২৫,০০০ টাকা"),
]
df = spark.createDataFrame(rows, "id int, text string")
out = df.withColumn("clean", normalize_bn("text"))
for row in out.orderBy("id").collect():
    print(row.id, "|", row.clean)
spark.stop()
