"""Sasaeai Map (支え合いマップ): offline neighbourhood welfare mapping."""

__version__ = "0.1.0"
APP_NAME = "sasaeai-map"
