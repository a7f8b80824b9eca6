"""The library's errors: every failure a user can cause is one of these, with a clear message."""


class TeleworkError(Exception):
    """Base class of the library's errors."""


class DataError(TeleworkError):
    """The guide's data files are malformed; the message names the file, entry and problem."""


class AnswerError(TeleworkError, ValueError):
    """A reader's answers are invalid; the message names the question and what is allowed."""
