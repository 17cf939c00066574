"""Results as Python values: a dict for a scalar result, a pandas DataFrame for a curve or a sweep.

The server's result is the verb's ``--format json`` object. Its layout is fixed by the command line's JSON writer:
every field (parameters echoed back, results, method, diagnostics), then every column of a curve as an array of
numbers of one common length, then ``notes``. A curve becomes a DataFrame of those columns, with the fields in
``DataFrame.attrs``; a sweep (``{"rows": [...]}``) becomes one row per point (a curve per point in long format, the
point's values repeated), nested objects flattened with dotted keys (``computeOptimal.loss``).
"""

from __future__ import annotations

from numbers import Number
from typing import Any, Mapping


def _pandas():
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - exercised only without pandas
        raise ImportError("curves and sweeps are returned as pandas DataFrames: install pandas "
                          "(Debian: apt-get install python3-pandas)") from e
    return pandas


def _numeric_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, Number) and not isinstance(x, bool) for x in v)


def curve_columns(result: Mapping[str, Any]) -> list[str]:
    """The keys of the curve's columns: the trailing run of equal-length numeric arrays (before ``notes``)."""
    keys = [k for k in result if k != "notes"]
    columns: list[str] = []
    length = None
    for k in reversed(keys):
        v = result[k]
        if not _numeric_list(v) or (length is not None and len(v) != length):
            break
        length = len(v)
        columns.append(k)
    return list(reversed(columns))


def flatten(fields: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects as dotted keys: ``{"computeOptimal": {"loss": 0.1}}`` -> ``{"computeOptimal.loss": 0.1}``."""
    out: dict[str, Any] = {}
    for k, v in fields.items():
        if isinstance(v, Mapping):
            out.update(flatten(v, prefix + k + "."))
        else:
            out[prefix + k] = v
    return out


def curve_frame(result: Mapping[str, Any]):
    """A curve result as a DataFrame of its columns; every other field in ``attrs``."""
    pd = _pandas()
    columns = curve_columns(result)
    frame = pd.DataFrame({c: result[c] for c in columns})
    frame.attrs.update({k: v for k, v in result.items() if k not in columns})
    return frame


def sweep_frame(result: Mapping[str, Any]):
    """A sweep's rows as one DataFrame (long format for curve verbs)."""
    pd = _pandas()
    records: list[dict[str, Any]] = []
    for row in result["rows"]:
        columns = curve_columns(row)
        scalars = flatten({k: v for k, v in row.items() if k not in columns and k != "notes"})
        if not columns:
            records.append(scalars)
            continue
        for i in range(len(row[columns[0]])):
            records.append({**scalars, **{c: row[c][i] for c in columns}})
    return pd.DataFrame.from_records(records)


def convert(result: Mapping[str, Any]):
    """The Python value of a result: DataFrame for sweeps and curves, the dict itself otherwise."""
    if set(result) == {"rows"} and isinstance(result["rows"], list):
        return sweep_frame(result)
    if curve_columns(result):
        return curve_frame(result)
    return dict(result)
