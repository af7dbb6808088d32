"""The command line: thin wrappers that parse options, call the library and print.

Each module here that defines ``command`` (a click command or group) is a top-level subcommand.
"""
