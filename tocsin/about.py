"""Package metadata."""

__title__ = "tocsin"
__version__ = "0.1.0"
CODER_VERSION = "tocsin.coder.v1"
