"""How figures read on the pages: "over HK$43.4bn", "exactly 7", "about 40%"."""

from __future__ import annotations

from datetime import date

QUALIFIER_WORDS = {
    "exact": "exactly",
    "over": "over",
    "about": "about",
    "nearly": "nearly",
    "up_to": "up to",
}
CURRENCY_PREFIX = {"HKD": "HK$", "USD": "US$", "RMB": "RMB "}
SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))


def _digits(x: float, places: int = 3) -> str:
    """At most `places` decimals, no trailing zeros, thousands separated."""
    text = f"{x:,.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_amount(value: float, unit: str) -> str:
    """A figure in its unit without qualifier: 43.4e9 HKD -> "HK$43.4bn", 2200 -> "2,200"."""
    if unit == "percent":
        return f"{_digits(value, 2)}%"
    prefix = CURRENCY_PREFIX.get(unit)
    if prefix is None:
        return _digits(value, 2) if unit == "count" else f"{_digits(value, 2)} {unit}"
    for size, suffix in SCALES:
        if abs(value) >= size:
            return f"{prefix}{_digits(value / size)}{suffix}"
    return f"{prefix}{_digits(value, 2)}"


def format_value(value: float, unit: str, qualifier: str) -> str:
    """The figure as a reader says it, qualifier first: "over HK$43.4bn", "exactly 7"."""
    word = QUALIFIER_WORDS.get(qualifier, qualifier)
    amount = format_amount(value, unit)
    return f"{word} {amount}" if word else amount


def format_date(d: date | None) -> str:
    return d.isoformat() if d else "undated"
