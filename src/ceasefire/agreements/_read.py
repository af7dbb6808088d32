"""Agreement files → checked :class:`Agreement` records, or every problem with its file, line and field."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ceasefire.agreements._problems import Problem, describe, field_name
from ceasefire.agreements._schema import schema_errors
from ceasefire.agreements._yaml import Document, read_document_bounded
from ceasefire.agreements._yaml import Path as FieldPath
from ceasefire.errors import BadInput
from ceasefire.model.agreement import (
    ANY_TARGET,
    EVERY_PARTY,
    Account,
    Agreement,
    Provision,
    Source,
    Window,
    add_duration,
)
from ceasefire.vocab import party_names, target_types

EVERY_PARTY_WORD = "all"  # how a file says "every party is bound"


def bundled_paths() -> list[Path]:
    """The agreement files shipped with ceasefire, in name order."""
    folder = resources.files("ceasefire.agreements") / "bundled"
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith((".yaml", ".yml")))


def check_files(paths: Sequence[Path]) -> list[Problem]:
    """Every problem in ``paths`` (an empty list means they all load)."""
    return _read_all(paths).problems


def load_agreements(paths: Sequence[Path] | None = None) -> list[Agreement]:
    """The agreements in ``paths`` (None: the bundled ones). Raises :class:`BadInput` naming the first problem."""
    result = _read_bundled() if paths is None else _read_all(paths)
    if result.problems:
        first = result.problems[0]
        raise BadInput(first.file, first.line, f"{first.field}: {first.message}")
    return list(result.agreements)


@cache
def _read_bundled() -> _Result:
    # the records are frozen, so every caller can share one parse of the shipped files
    return _read_all(bundled_paths())


def find_agreement(agreements: Sequence[Agreement], agreement_id: str) -> Agreement:
    """The agreement with ``agreement_id``; :class:`BadInput` listing the known ids when there is none."""
    for agreement in agreements:
        if agreement.agreement_id == agreement_id:
            return agreement
    known = ", ".join(a.agreement_id for a in agreements) or "none loaded"
    raise BadInput("agreement", agreement_id, f"no such agreement (known: {known})")


@dataclass(slots=True)
class _Result:
    agreements: list[Agreement] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _read_all(paths: Sequence[Path]) -> _Result:
    result = _Result()
    first_seen: dict[str, tuple[str, int | None]] = {}
    for path in paths:
        name = str(path)
        file_check = _FileCheck(name)
        agreement = file_check.run(Path(path))
        result.problems.extend(sorted(file_check.problems, key=lambda p: p.line or 0))
        if agreement is None:
            continue
        if agreement.agreement_id in first_seen:
            other_file, other_line = first_seen[agreement.agreement_id]
            result.problems.append(Problem(name, file_check.doc_line(("id",)), "id",
                                           f"duplicate agreement id {agreement.agreement_id!r} "
                                           f"(first in {other_file}:{other_line})"))
            continue
        first_seen[agreement.agreement_id] = (name, file_check.doc_line(("id",)))
        result.agreements.append(agreement)
    return result


class _FileCheck:
    """Checks one file; collects problems and builds the agreement only when there are none."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.doc: Document | None = None
        self.bad_paths: set[FieldPath] = set()

    def doc_line(self, path: FieldPath) -> int | None:
        return self.doc.line_of(path) if self.doc is not None else None

    def problem(self, path: FieldPath, message: str) -> None:
        self.problems.append(Problem(self.name, self.doc_line(path), field_name(path), message))
        self.bad_paths.add(path)

    def run(self, path: Path) -> Agreement | None:
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as err:
            self.problems.append(Problem(self.name, None, "(file)", f"not UTF-8 text (byte {err.start})"))
            return None
        except OSError as err:
            self.problems.append(Problem(self.name, None, "(file)", f"cannot read: {err.strerror or err}"))
            return None
        self.doc = read_document_bounded(text)
        for trouble in self.doc.troubles:
            self.problems.append(Problem(self.name, trouble.line, field_name(trouble.path), trouble.message))
            self.bad_paths.add(trouble.path)
        if self.doc.troubles:
            return None
        data = self.doc.value
        if data is None:
            self.problem((), "the file is empty; expected one agreement")
            return None
        for error in schema_errors(data):
            for error_path, message in describe(error):
                self.problem(error_path, message)
        if not isinstance(data, dict):
            return None
        built = _Semantics(self, data).agreement()
        if self.problems:
            return None
        return built


def _is_under(path: FieldPath, bad: set[FieldPath]) -> bool:
    return any(path[: len(b)] == b for b in bad)


class _Semantics:
    """Checks the schema cannot express (vocabularies, real dates, zones, windows, ids) and builds the records.

    Works on structurally doubtful data: every access is guarded, and fields the schema already faulted are
    left alone so a mistake is reported once.
    """

    def __init__(self, check: _FileCheck, data: dict[str, Any]) -> None:
        self.check = check
        self.data = data
        self.parties = party_names()
        self.targets = target_types()

    def ok(self, path: FieldPath) -> bool:
        return not _is_under(path, self.check.bad_paths)

    def text(self, container: Any, key: str, path: FieldPath) -> str | None:
        value = container.get(key) if isinstance(container, dict) else None
        return value if isinstance(value, str) and self.ok((*path, key)) else None

    def texts(self, container: Any, key: str) -> list[str]:
        value = container.get(key) if isinstance(container, dict) else None
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    def party(self, code: Any, path: FieldPath) -> None:
        if isinstance(code, str) and self.ok(path) and code not in self.parties:
            self.check.problem(path, f"unknown party {code!r} (known: {', '.join(self.parties)})")

    def zone(self, container: Any, path: FieldPath, default: ZoneInfo | None) -> ZoneInfo | None:
        name = self.text(container, "timezone", path)
        if name is None:
            return default
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            self.check.problem((*path, "timezone"), f"unknown IANA time zone {name!r} (e.g. Europe/Kyiv)")
            return ZoneInfo("UTC")  # keeps checking the dates; nothing is built from a file with problems

    def moment(self, container: Any, key: str, path: FieldPath, zone: ZoneInfo | None) -> datetime | None:
        raw = self.text(container, key, path)
        if raw is None:
            return None
        try:
            parsed = datetime.fromisoformat(raw) if len(raw) > 10 else datetime.combine(date.fromisoformat(raw),
                                                                                       datetime.min.time())
        except ValueError:
            self.check.problem((*path, key), f"{raw!r} is not a real date or time")
            return None
        return parsed.replace(tzinfo=zone) if zone is not None else None

    def window(self, container: Any, path: FieldPath, zone: ZoneInfo | None,
               inherited: Window | None) -> Window | None:
        start = self.moment(container, "start", path, zone)
        end = self.moment(container, "end", path, zone)
        duration = self.text(container, "duration", path)
        if isinstance(container, dict) and "end" in container and "duration" in container:
            self.check.problem((*path, "duration"), "give either end or duration, not both")
            return None
        if start is None and inherited is not None and "start" not in container:
            start = inherited.start
        if start is None:
            return None
        if duration is not None:
            try:
                end = add_duration(start, duration)
            except ValueError as err:
                self.check.problem((*path, "duration"), str(err))
                return None
            if end <= start:
                self.check.problem((*path, "duration"), "must be longer than zero")
                return None
        elif end is not None:
            if end <= start:
                self.check.problem((*path, "end"), f"end {end.isoformat()} is not after start {start.isoformat()}")
                return None
        elif inherited is not None:
            end = inherited.end
        if inherited is not None and end is not None and inherited.end is not None and end > inherited.end:
            self.check.problem((*path, "end" if "end" in container else "duration"),
                               "a provision's window must end within its account's window")
        if inherited is not None and start < inherited.start:
            self.check.problem((*path, "start"), "a provision's window must start within its account's window")
        return Window(start, end)

    def agreement(self) -> Agreement | None:
        data = self.data
        for index, code in enumerate(self.texts(data, "parties")):
            self.party(code, ("parties", index))
        for index, code in enumerate(self.texts(data, "mediators")):
            self.party(code, ("mediators", index))
        zone = self.zone(data, (), ZoneInfo("UTC"))
        announced = self.moment(data, "announced", (), zone)
        accounts: list[Account] = []
        raw_accounts = data.get("accounts")
        seen: dict[str, int] = {}
        for index, raw in enumerate(raw_accounts if isinstance(raw_accounts, list) else []):
            path: FieldPath = ("accounts", index)
            account_id = self.text(raw, "id", path)
            if account_id is not None:
                if account_id in seen:
                    self.check.problem((*path, "id"), f"duplicate account id {account_id!r} "
                                                      f"(first at accounts[{seen[account_id]}])")
                seen.setdefault(account_id, index)
            account = self.account(raw, path)
            if account is not None:
                accounts.append(account)
        agreement_id, title = self.text(data, "id", ()), self.text(data, "title", ())
        if self.check.problems or agreement_id is None or title is None or announced is None:
            return None
        reciprocal = data.get("reciprocal", True)
        return Agreement(
            agreement_id=agreement_id,
            title=title,
            announced=announced,
            parties=tuple(self.texts(data, "parties")),
            accounts=tuple(accounts),
            mediators=tuple(self.texts(data, "mediators")),
            reciprocal=bool(reciprocal),
            notes=self.text(data, "notes", ()),
            file=self.check.name,
        )

    def account(self, raw: Any, path: FieldPath) -> Account | None:
        if not isinstance(raw, dict):
            return None
        self.party(raw.get("party"), (*path, "party"))
        party = self.text(raw, "party", path)
        members = set(self.texts(self.data, "parties")) | set(self.texts(self.data, "mediators"))
        if party is not None and party in self.parties and members and party not in members:
            self.check.problem((*path, "party"), f"{party!r} is neither a party to nor a mediator of this agreement")
        zone = self.zone(raw, path, None)
        window = self.window(raw, path, zone, None)
        provisions: list[Provision] = []
        raw_provisions = raw.get("provisions")
        seen: dict[str, int] = {}
        for index, item in enumerate(raw_provisions if isinstance(raw_provisions, list) else []):
            provision = self.provision(item, (*path, "provisions", index), zone, window, index)
            if provision is None:
                continue
            if provision.provision_id in seen:
                self.check.problem((*path, "provisions", index, "id"),
                                   f"duplicate provision id {provision.provision_id!r} "
                                   f"(first at provisions[{seen[provision.provision_id]}])")
            seen.setdefault(provision.provision_id, index)
            provisions.append(provision)
        account_id, timezone = self.text(raw, "id", path), self.text(raw, "timezone", path)
        if account_id is None or party is None or window is None or timezone is None:
            return None
        return Account(
            account_id=account_id,
            party=party,
            source=tuple(self.sources(raw)),
            window=window,
            timezone=timezone,
            provisions=tuple(provisions),
            conditions=tuple(self.texts(raw, "conditions")),
            notes=self.text(raw, "notes", path),
            in_force=bool(raw.get("in_force", True)),
        )

    def sources(self, raw: dict[str, Any]) -> list[Source]:
        items = raw.get("sources")
        found = []
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("issuer"), str) and isinstance(item.get("date"), str):
                found.append(Source(issuer=item["issuer"], date=item["date"], url=_opt(item, "url"),
                                    citation=_opt(item, "citation"), quote=_opt(item, "quote")))
        return found

    def provision(self, raw: Any, path: FieldPath, zone: ZoneInfo | None, account_window: Window | None,
                  index: int) -> Provision | None:
        if not isinstance(raw, dict):
            return None
        bound_raw = raw.get("bound")
        agreement_parties = set(self.texts(self.data, "parties"))
        bound: tuple[str, ...] = ()
        if bound_raw == EVERY_PARTY_WORD:
            bound = (EVERY_PARTY,)
        elif isinstance(bound_raw, list):
            for i, code in enumerate(bound_raw):
                self.party(code, (*path, "bound", i))
                if (isinstance(code, str) and code in self.parties and agreement_parties
                        and code not in agreement_parties and self.ok((*path, "bound", i))):
                    self.check.problem((*path, "bound", i), f"{code!r} is bound but is not a party to the agreement")
            bound = tuple(c for c in bound_raw if isinstance(c, str))
        targets = self.texts(raw, "targets")
        for i, target in enumerate(targets):
            if target != ANY_TARGET and target not in self.targets and self.ok((*path, "targets", i)):
                self.check.problem((*path, "targets", i),
                                   f"unknown target category {target!r} (see vocab/targets.yaml, or use {ANY_TARGET})")
        if ANY_TARGET in targets and len(targets) > 1:
            self.check.problem((*path, "targets"), f"{ANY_TARGET!r} already covers every target; list nothing else")
        own_window: Window | None = None
        if any(key in raw for key in ("start", "end", "duration")) and account_window is not None:
            own_window = self.window(raw, path, zone, account_window)
        provision_id = self.text(raw, "id", path) or f"p{index + 1}"
        countries = self.texts(raw, "countries") or None
        admin1 = self.texts(raw, "admin1") or None
        areas = self.texts(raw, "areas") or None
        return Provision(
            provision_id=provision_id,
            bound=bound,
            actions=tuple(self.texts(raw, "actions")),
            targets=tuple(targets),
            countries=tuple(countries) if countries else None,
            admin1=tuple(admin1) if admin1 else None,
            window=own_window,
            description=self.text(raw, "description", path),
            areas=tuple(areas) if areas else None,
        )


def _opt(item: dict[str, Any], key: str) -> str | None:
    value = item.get(key)
    return value if isinstance(value, str) else None
