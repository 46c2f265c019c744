"""Writes: every change to worksheets goes through a function here (named <entity>_<action>)."""
