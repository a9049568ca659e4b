"""Values on the command line, named and checked in plain words.

Typer names a value in help by its type (``<str>``, ``<path>``, ``<int range>
[1<=x<=52]``) and reports a wrong one in its own notation ("0 is not in the range
1<=x<=52"). A care worker reading ``badgekit plan --help`` wants ``NUMBER`` and "a
whole number from 1 to 52". The types here show nothing of their own in help, so
every argument and option is known by its metavar alone (FILE, ID, NUMBER...), and
they say what is wrong with a value as a person would.

They build on Typer's own copy of Click, since Typer offers no public way to leave an
argument's type out of its help. Typer is pinned below 0.29 for that reason among
others; tests/test_cli_help.py fails if a later Typer shows a type again.
"""

from __future__ import annotations

from typing import Any

from typer._click.core import Context, Parameter
from typer._click.types import ParamType, StringParamType


class PlainText(StringParamType):
    """Any text, shown in help by the parameter's own name (its metavar) and nothing else."""

    def get_metavar(self, param: Parameter, ctx: Context) -> str:
        return ""


class WholeNumber(ParamType):
    """A whole number within limits, refused in plain words when it is not one."""

    name = "number"

    def __init__(self, low: int, high: int | None = None, unit: str = "") -> None:
        self.low = low
        self.high = high
        self.unit = unit

    def describe(self) -> str:
        """The numbers allowed, as an error message says it: "a whole number of weeks from 1 to 52"."""
        if self.high is None:
            return f"a whole number of {self.low} or more{' ' + self.unit if self.unit else ''}"
        return f"a whole number{' of ' + self.unit if self.unit else ''} from {self.low} to {self.high}"

    def get_metavar(self, param: Parameter, ctx: Context) -> str:
        return ""

    def convert(self, value: Any, param: Parameter | None, ctx: Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            number: int | None = value
        else:
            try:
                number = int(str(value).strip())
            except ValueError:
                number = None
        if number is None or number < self.low or (self.high is not None and number > self.high):
            self.fail(f"'{value}' is not {self.describe()}", param, ctx)
        return number


#: For every text argument and option: badgekit's help never says "<str>".
PLAIN_TEXT = PlainText()
