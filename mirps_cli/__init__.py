"""mirps: MIRPS national action plans and regional work plans as validated YAML."""

__version__ = "0.1.0"
