"""The one exception type the CLI turns into a single line on stderr and exit status 1."""


class BriefgenError(Exception):
    """A problem the user can fix (bad input, missing model, SMTP refusal...).

    The message is shown as is, on one line, so it must say what went wrong and, where there
    is one, the fix.  Anything else escaping to the CLI is a bug.
    """
