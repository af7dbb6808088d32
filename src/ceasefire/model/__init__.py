"""Typed records shared by every part of ceasefire."""
