"""The shipped note templates (HTML, CSS, Markdown) and fonts: a package so that
importlib.resources finds them the same way in a wheel and in an editable install."""
