"""Loaders and writers of deck files and interchange formats."""
