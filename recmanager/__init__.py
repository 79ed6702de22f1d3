"""recmanager: lecture-capture recordings and recorders for Esup-Pod."""

__version__ = "0.1.0"
APP_NAME = "recmanager"
