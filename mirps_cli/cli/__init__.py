"""The command line: each module parses one command's options, calls the core, renders, exits.

Modules here import only typer and the standard library at the top; the core
(pydantic, ruamel.yaml) and the renderers (rich, jinja2, babel) are imported
inside the commands that need them, so start-up stays small.
"""
