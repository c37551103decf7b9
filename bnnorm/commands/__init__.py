"""Subcommands of the ``bnnorm`` command, one module each (see ``bnnorm.cli``)."""
