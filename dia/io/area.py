"""Read an area folder (``dia.yaml`` + partner workbooks) into a validated :class:`~dia.model.Area`.

This is the boundary between files and the domain model. It collects every
problem in every file, the way pandera's ``lazy=True`` does, locates each one
by file, sheet, Excel row, column header and cell, and raises them together
as one :class:`~dia.errors.InputError`. pydantic's ``ValidationError`` and the
model's cross-reference findings (:func:`dia.model.checks.area_findings`) are
mapped back to the cells they came from; neither leaves this module.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from dia.errors import InputError, Location, Problem, Reason
from dia.io import cells
from dia.io.config import CONFIG_NAME, ConfigRead, read_config
from dia.io.excel import Record, WorkbookData, read_workbook
from dia.io.safety import MAX_FILE_BYTES
from dia.io.validation import Loc, problems_from
from dia.messages import Joined, Msg, Number, msg
from dia.model import EURO_TOLERANCE, Area, AreaConfig, Budget, Fund, InputFile, Project
from dia.model.checks import Finding, area_findings

log = logging.getLogger(__name__)

#: Workbook suffixes read (``.xlsm``: data only, macros never run).
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
#: Longest project accepted, in years (a profile of that length is built in memory).
MAX_DURATION = 50
#: Spreadsheet-like files that are not read, with a warning saying so.
OTHER_SPREADSHEETS = (".xls", ".xlsb", ".ods", ".csv")


@dataclass(frozen=True)
class AreaRead:
    """A valid area and the warnings found while reading it."""

    area: Area
    warnings: tuple[Problem, ...] = ()


def load_area(path: str | Path) -> Area:
    """Read and validate an area folder: ``dia.yaml`` plus every ``*.xlsx`` in it.

    Parameters
    ----------
    path:
        The area folder (or its ``dia.yaml``). Sub-folders, hidden files and
        Excel lock files (``~$Domijn.xlsx``) are skipped.

    Returns
    -------
    Area
        Frozen and consistent; ``Area.inputs`` holds every file read and its SHA-256.

    Raises
    ------
    InputError
        With *all* problems found, each located by file, sheet, row, column
        and cell (or YAML key). Warnings (an unknown column, a hidden row) do
        not raise; they are logged. Use :func:`read_area` to get them.

    Examples
    --------
    >>> from dia import load_area, example_path
    >>> area = load_area(example_path())  # doctest: +SKIP
    >>> len(area.projects) > 0  # doctest: +SKIP
    True
    """
    read = read_area(path)
    for warning in read.warnings:
        log.warning("%s", warning)
    return read.area


def read_area(path: str | Path) -> AreaRead:
    """Like :func:`load_area`, but return the warnings with the area instead of logging them."""
    folder = Path(path)
    config_name = CONFIG_NAME
    if folder.is_file() and folder.suffix.lower() in (".yaml", ".yml"):
        folder, config_name = folder.parent, folder.name
    if not folder.is_dir():
        raise InputError(
            [Problem.of(Reason.NOT_FOUND, msg("area.no_folder", folder=folder), Location(file=str(folder)))]
        )
    return _Reader(folder, config_name).run()


@dataclass
class _Workbooks:
    records: dict[str, list[Record]] = field(default_factory=lambda: defaultdict(list))
    inputs: list[InputFile] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


class _Reader:
    """One read of one area folder (holds the indexes that map model objects back to cells)."""

    def __init__(self, folder: Path, config_name: str) -> None:
        self.folder = folder
        self.config_name = config_name
        self.problems: list[Problem] = []
        self.project_rows: dict[str, Record] = {}
        self.budget_rows: dict[tuple[str, int], Record] = {}
        self.fund_rows: dict[str, list[Record]] = {}
        # Names seen in rows that could not be built: references to them are not reported as unknown.
        self.raw_ids: set[str] = set()
        self.raw_partners: set[str] = set()
        self.raw_funds: set[str] = set()
        self.has_budget_sheet = True

    # ---- top level -------------------------------------------------------------------------------
    def run(self) -> AreaRead:
        cfg = read_config(self.folder, self.config_name)
        self.problems.extend(cfg.problems)
        books = self._read_workbooks()
        config = cfg.config
        projects: list[Project] = []
        budgets: list[Budget] = []
        funds: list[Fund] = []
        if config is not None:
            config = self._canonical_partner_meta(config, books)
            budgets = self._budgets(books.records["budget"])
            partners = {b.partner.casefold(): b.partner for b in budgets} | {
                n.casefold(): n for n in sorted(self.raw_partners)
            }
            funds = self._funds(books.records["funds"], config, partners)
            projects = self._projects(
                books.records["projects"],
                books.records["cash_flow"],
                config,
                partners,
                {f.name.casefold(): f.name for f in funds},
            )
        inputs = sorted(cfg.inputs + books.inputs, key=lambda f: f.name)
        if any(p.severity == "error" for p in self.problems) or config is None:
            if config is not None:
                self._map_findings(area_findings(config, projects, budgets, funds), cfg)
            raise InputError(self.problems, lang=config.language if config is not None else None)
        try:
            area = Area(
                config=config,
                projects=tuple(projects),
                budgets=tuple(budgets),
                funds=tuple(funds),
                inputs=tuple(inputs),
            )
        except ValidationError as exc:
            before = len(self.problems)
            self._map_findings(area_findings(config, projects, budgets, funds), cfg)
            if len(self.problems) == before:  # not a cross-reference finding: report pydantic's own words
                self.problems.extend(problems_from(exc, lambda loc: Location(file=self.folder.name)))
            raise InputError(self.problems, lang=config.language) from None
        warnings = tuple(
            sorted(
                (p for p in self.problems if p.severity == "warning"),
                key=lambda p: (p.location.sort_key(), p.reason.value, p.message),
            )
        )
        return AreaRead(area, warnings)

    # ---- files -----------------------------------------------------------------------------------
    def _read_workbooks(self) -> _Workbooks:
        out = _Workbooks()
        for path in sorted(self.folder.iterdir(), key=lambda p: p.name):
            name = path.name
            if name.startswith(("~$", ".")) or not path.is_file():
                continue  # Excel lock files, hidden files, sub-folders (scenarios/)
            suffix = path.suffix.lower()
            if suffix in OTHER_SPREADSHEETS:
                self.problems.append(
                    Problem.of(
                        Reason.NOT_XLSX,
                        msg("area.other_spreadsheet", suffix=suffix),
                        Location(file=name),
                        severity="warning",
                    )
                )
                continue
            if suffix not in WORKBOOK_SUFFIXES:
                continue
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                self.problems.append(
                    Problem.of(
                        Reason.TOO_LARGE,
                        msg("area.file_too_large", mb=f"{size / 2**20:.0f}", limit=MAX_FILE_BYTES // 2**20),
                        Location(file=name),
                    )
                )
                continue
            with path.open("rb") as handle:  # read-only, once: hash, checks and parsing use these bytes
                data = handle.read(MAX_FILE_BYTES + 1)
            digest = hashlib.sha256(data).hexdigest()
            out.inputs.append(InputFile(name=name, sha256=digest))
            out.names.append(name)
            twin = next((f.name for f in out.inputs[:-1] if f.sha256 == digest), None)
            if twin is not None:  # one clear message instead of a duplicate-id error per project
                self.problems.append(
                    Problem.of(
                        Reason.DUPLICATE_ID,
                        msg("area.copied_file", twin=twin),
                        Location(file=name),
                    )
                )
                continue
            book: WorkbookData = read_workbook(name, data)
            self.problems.extend(book.problems)
            for key, records in book.tables.items():
                out.records[key].extend(records)
        if not out.names:
            self.problems.append(
                Problem.of(
                    Reason.EMPTY_AREA,
                    msg("area.no_workbook"),
                    Location(file=self.folder.name),
                )
            )
        elif not any(
            p.severity == "error"
            and p.reason in (Reason.NOT_XLSX, Reason.CORRUPT_FILE, Reason.ENCRYPTED, Reason.TOO_LARGE)
            for p in self.problems
        ):
            for key, label in (("projects", "Projecten (Projects)"), ("budget", "Budget")):
                if key not in out.records:
                    self.has_budget_sheet = self.has_budget_sheet and key != "budget"
                    self.problems.append(
                        Problem.of(
                            Reason.MISSING_SHEET,
                            msg("area.missing_sheet", sheet=label),
                            Location(file=self.folder.name),
                        )
                    )
        return out

    # ---- budgets ---------------------------------------------------------------------------------
    def _budgets(self, rows: list[Record]) -> list[Budget]:
        canonical: dict[str, str] = {}
        for rec in rows:
            name = rec.values.get("partner")
            if name:
                canonical.setdefault(name.casefold(), name)
        out: list[Budget] = []
        seen: dict[tuple[str, int], Record] = {}
        for rec in rows:
            if "partner" in rec.values:
                self.raw_partners.add(canonical[rec.values["partner"].casefold()])
            if rec.bad or not {"partner", "year", "amount"} <= rec.values.keys():
                continue
            partner = canonical[rec.values["partner"].casefold()]
            year, amount = rec.values["year"], rec.values["amount"]
            if amount < 0:
                self._add(
                    Reason.NEGATIVE_AMOUNT,
                    msg("area.negative_budget", amount=Number(amount)),
                    rec.at("amount"),
                )
                continue
            key = (partner, year)
            if key in seen:
                first = seen[key]
                self._add(
                    Reason.DUPLICATE_ID,
                    msg("area.budget_twice", partner=partner, year=year, other=first.row_location),
                    rec.at("year"),
                )
                self._add(
                    Reason.DUPLICATE_ID,
                    msg("area.budget_twice", partner=partner, year=year, other=rec.row_location),
                    first.at("year"),
                )
                continue
            seen[key] = rec
            self.budget_rows[key] = rec
            out.append(
                self._build(
                    Budget,
                    rec,
                    {
                        "partner": partner,
                        "year": year,
                        "amount": amount,
                        "carry_over": rec.values.get("carry_over", 0.0),
                    },
                )
            )
        return [b for b in out if b is not None]

    # ---- funds -----------------------------------------------------------------------------------
    def _funds(self, rows: list[Record], config: AreaConfig, partners: dict[str, str]) -> list[Fund]:
        groups: dict[str, list[Record]] = {}
        for rec in rows:
            name = rec.values.get("name")
            if name:
                groups.setdefault(name.casefold(), []).append(rec)
                self.raw_funds.add(name)
        types = _type_lookup(config)
        out: list[Fund] = []
        for group in groups.values():
            name = group[0].values["name"]
            self.fund_rows[name] = group
            first = group[0]
            ok = True
            eligibility: tuple[tuple[str, ...], tuple[str, ...]] | None = None
            amounts: dict[int, float] = {}
            years_at: dict[int, Record] = {}
            for rec in group:
                if rec.bad or not {"year", "amount"} <= rec.values.keys():  # a missing column is reported
                    ok = False
                    continue
                these = (
                    tuple(sorted(types.get(t.casefold(), t) for t in rec.values.get("types", ()))),
                    tuple(sorted(partners.get(p.casefold(), p) for p in rec.values.get("partners", ()))),
                )
                if eligibility is None:
                    eligibility = these
                elif these != eligibility:
                    field_ = "types" if these[0] != eligibility[0] else "partners"
                    self._add(
                        Reason.MISMATCH,
                        msg(f"area.fund_other_{field_}", name=name, other=first.row_location),
                        rec.at(field_),
                    )
                    ok = False
                year, amount = rec.values["year"], rec.values["amount"]
                if amount < 0:
                    self._add(
                        Reason.NEGATIVE_AMOUNT,
                        msg("area.negative_fund", amount=Number(amount)),
                        rec.at("amount"),
                    )
                    ok = False
                elif year in amounts:
                    self._add(
                        Reason.DUPLICATE_ID,
                        msg("area.fund_year_twice", name=name, year=year, other=years_at[year].row_location),
                        rec.at("year"),
                    )
                    ok = False
                else:
                    amounts[year], years_at[year] = amount, rec
            if not ok or eligibility is None:
                continue
            fund = self._build(
                Fund,
                first,
                {
                    "name": name,
                    "amounts": [{"year": y, "amount": a} for y, a in sorted(amounts.items())],
                    "types": eligibility[0],
                    "partners": eligibility[1],
                },
            )
            if fund is not None:
                out.append(fund)
        return out

    # ---- projects --------------------------------------------------------------------------------
    def _projects(
        self,
        rows: list[Record],
        flows: list[Record],
        config: AreaConfig,
        partners: dict[str, str],
        fund_names: dict[str, str],
    ) -> list[Project]:
        ids: dict[str, list[Record]] = {}
        for rec in rows:
            pid = rec.values.get("id")
            if pid:
                ids.setdefault(pid.casefold(), []).append(rec)
                self.raw_ids.add(pid)
        for group in ids.values():
            if len(group) > 1:
                pid = group[0].values["id"]
                for rec in group:
                    others = [o.at("id") for o in group if o is not rec]
                    self._add(
                        Reason.DUPLICATE_ID,
                        msg("area.duplicate_project", id=pid, others=Joined(tuple(others))),
                        rec.at("id"),
                    )
        canonical_ids = {k: g[0].values["id"] for k, g in ids.items()}
        profiles = self._profiles(flows, canonical_ids)
        types = _type_lookup(config)
        buurten = _buurt_lookup(config)
        out: list[Project] = []
        for rec in rows:
            v = rec.values
            if rec.bad or "id" not in v or len(ids[v["id"].casefold()]) > 1:
                continue
            if not {"partner", "name", "type", "buurt", "earliest_start", "duration", "cost"} <= v.keys():
                continue
            data: dict[str, Any] = {
                "id": v["id"],
                "partner": partners.get(v["partner"].casefold(), v["partner"]),
                "name": v["name"],
                "type": types.get(v["type"].casefold(), v["type"]),
                "buurt": buurten.get(v["buurt"].casefold(), v["buurt"]),
                "earliest_start": v["earliest_start"],
                "latest_start": v.get("latest_start", v["earliest_start"]),
                "preferred_start": v.get("preferred_start"),
                "duration": v["duration"],
                "cost": v["cost"],
                "is_mandatory": v.get("is_mandatory", False),
                "value": v.get("value", 0.0),
                "after": tuple(canonical_ids.get(a.casefold(), a) for a in v.get("after", ())),
                "funds": tuple(fund_names.get(f.casefold(), f) for f in v.get("funds", ())),
                "shares": tuple(
                    {"partner": partners.get(p.casefold(), p), "fraction": f} for p, f in v.get("shares", ())
                ),
            }
            if not self._project_cells_ok(rec, data):
                continue
            location = v.get("location")
            if location:
                if cells.is_wkt(location):
                    try:
                        data["geometry"] = cells.parse_wkt(location)
                    except cells.CellIssue as issue:
                        self.problems.append(Problem.of(issue.reason, issue.msg, rec.at("location")))
                        continue
                else:
                    data["streets"] = cells.parse_list(location)
            flow = profiles.get(v["id"].casefold())
            if flow is not None and not self._profile_ok(rec, flow, data):
                continue
            if flow is not None:
                data["profile"] = tuple(flow.years.get(k, 0.0) for k in range(1, data["duration"] + 1))
            self.project_rows[data["id"]] = rec
            project = self._build(Project, rec, data)
            if project is not None:
                out.append(project)
        return out

    def _project_cells_ok(self, rec: Record, data: dict[str, Any]) -> bool:
        """Single-row invariants, checked here so each is reported at its own cell with its own reason."""
        ok = True
        for name in ("cost", "value"):
            if data[name] < 0:
                self._add(
                    Reason.NEGATIVE_AMOUNT,
                    msg("area.negative_amount", amount=Number(data[name])),
                    rec.at(name),
                )
                ok = False
        if not 1 <= data["duration"] <= MAX_DURATION:
            self._add(
                Reason.OUT_OF_RANGE,
                msg("area.duration_range", max=MAX_DURATION, found=data["duration"]),
                rec.at("duration"),
            )
            ok = False
        if data["latest_start"] < data["earliest_start"]:
            self._add(
                Reason.INVALID_WINDOW,
                msg("area.window_inverted", latest=data["latest_start"], earliest=data["earliest_start"]),
                rec.at("latest_start"),
            )
            ok = False
        elif data["preferred_start"] is not None and not (
            data["earliest_start"] <= data["preferred_start"] <= data["latest_start"]
        ):
            self._add(
                Reason.INVALID_WINDOW,
                msg("area.preferred_outside", preferred=data["preferred_start"],
                    earliest=data["earliest_start"], latest=data["latest_start"]),
                rec.at("preferred_start"),
            )
            ok = False
        if data["id"] in data["after"]:
            self._add(
                Reason.DEPENDENCY_CYCLE, msg("area.after_itself", id=data["id"]), rec.at("after")
            )
            ok = False
        return ok

    def _profiles(self, flows: list[Record], canonical_ids: dict[str, str]) -> dict[str, Record]:
        out: dict[str, Record] = {}
        for rec in flows:
            pid = rec.values.get("id")
            if not pid:
                continue
            key = pid.casefold()
            if key in out:
                self._add(
                    Reason.DUPLICATE_ID,
                    msg("area.cash_flow_twice", id=pid, other=out[key].row_location),
                    rec.at("id"),
                )
                continue
            if key not in canonical_ids:
                self._add(
                    Reason.UNKNOWN_PROJECT,
                    msg("area.cash_flow_unknown", id=pid),
                    rec.at("id"),
                )
                continue
            for offset, amount in sorted(rec.years.items()):
                if amount < 0:
                    self._add(
                        Reason.NEGATIVE_AMOUNT,
                        msg("area.negative_amount", amount=Number(amount)),
                        rec.at(f"year{offset}"),
                    )
                    rec.bad.add(f"year{offset}")
            out[key] = rec  # kept even with a bad cell, so its project is not built without it
        return out

    def _profile_ok(self, rec: Record, flow: Record, data: dict[str, Any]) -> bool:
        if flow.bad:
            return False
        duration = data["duration"]
        used = max(flow.years, default=0)
        if not flow.years:
            return True  # a row with only the project code: no profile, spread evenly
        if used != duration:
            self._add(
                Reason.PROFILE_MISMATCH,
                msg("area.cash_flow_years", used=used, at=rec.at("duration"), duration=duration),
                flow.at(f"year{used}"),
            )
            return False
        total = sum(flow.years.values())
        if abs(total - data["cost"]) > max(EURO_TOLERANCE, 1e-9 * data["cost"]):
            self._add(
                Reason.PROFILE_MISMATCH,
                msg("area.cash_flow_sum", total=Number(total, 2), at=rec.at("cost"),
                    cost=Number(data["cost"], 2)),
                flow.at("id"),
            )
            return False
        return True

    # ---- model building and findings ---------------------------------------------------------------
    def _build(self, model: type[Any], rec: Record, data: dict[str, Any]) -> Any:
        """Validate one row's model; map a ValidationError to the row's cells."""
        try:
            return model.model_validate(data)
        except ValidationError as exc:

            def locate(loc: Loc) -> Location:
                name = str(loc[0]) if loc else ""
                name = {
                    "streets": "location",
                    "geometry": "location",
                    "amounts": "amount",
                    "profile": "id",
                }.get(name, name)
                return rec.at(name) if rec.has(name) else rec.row_location

            self.problems.extend(problems_from(exc, locate))
            return None

    def _map_findings(self, findings: list[Finding], cfg: ConfigRead) -> None:
        valid_ids = set(self.project_rows)
        for f in findings:
            if f.entity == "project":
                rec = self.project_rows.get(f.key)
                if f.reason == Reason.DUPLICATE_ID or rec is None:
                    continue  # duplicates were reported with both places already
                if self._is_echo(f, rec, valid_ids):
                    continue
                message = _finding_msg(f)
                year = rec.values.get(f.field or "")
                if f.reason == Reason.OUTSIDE_HORIZON and isinstance(year, int) and cfg.config is not None:
                    h = cfg.config.horizon
                    side = "before" if year < h.start else "after"
                    message = msg(f"area.horizon_{side}", year=year, start=h.start, end=h.end)
                self._add(f.reason, message, rec.at(_FIELD_COLUMN.get(f.field or "", f.field or "id")))
            elif f.entity == "budget":
                partner, _, year = f.key.rpartition("/")
                brec = self.budget_rows.get((partner, int(year))) if year.isdigit() else None
                self._add(f.reason, _finding_msg(f), brec.at(f.field or "year") if brec else Location())
            elif f.entity == "fund":
                rows = self.fund_rows.get(f.key, [])
                frec = _fund_row(rows, f)
                self._add(f.reason, _finding_msg(f), frec.at(f.field or "name") if frec else Location())
            elif f.entity == "rule":
                i = cfg.rule_index.get(f.key)
                key = f"rules[{i}].{f.field}" if i is not None else f"rules.{f.key}"
                self._add(f.reason, _finding_msg(f), Location(file=self.config_name, key=key))
            else:
                self._add(f.reason, _finding_msg(f), Location(file=self.config_name, key=f.key))

    def _is_echo(self, f: Finding, rec: Record, valid_ids: set[str]) -> bool:
        """A finding caused only by a row that already has its own problem (don't report it twice)."""
        v = rec.values
        if f.reason == Reason.UNKNOWN_PROJECT:
            missing = [a for a in v.get("after", ()) if a not in valid_ids]
            raw = {i.casefold() for i in self.raw_ids}
            return all(a.casefold() in raw for a in missing)
        if f.reason == Reason.UNKNOWN_PARTNER and not self.has_budget_sheet:
            return True  # reported once as a missing Budget sheet
        if f.reason == Reason.UNKNOWN_PARTNER and f.field == "partner":
            return v.get("partner", "").casefold() in {p.casefold() for p in self.raw_partners}
        if f.reason == Reason.UNKNOWN_FUND:
            raw_funds = {n.casefold() for n in self.raw_funds}
            return all(n.casefold() in raw_funds for n in v.get("funds", ()))
        return False

    def _canonical_partner_meta(self, config: AreaConfig, books: _Workbooks) -> AreaConfig:
        """Give dia.yaml's partner metadata the Budget sheets' spelling; warn about names without budget."""
        spelled: dict[str, str] = {}
        for rec in books.records["budget"]:
            name = rec.values.get("partner")
            if name:
                spelled.setdefault(name.casefold(), name)
        partners = []
        for i, p in enumerate(config.partners):
            name = spelled.get(p.name.casefold())
            if name is None and spelled:
                self.problems.append(
                    Problem.of(
                        Reason.UNKNOWN_PARTNER,
                        msg("area.partner_without_budget", partner=p.name),
                        Location(file=self.config_name, key=f"partners[{i}].name"),
                        severity="warning",
                    )
                )
            partners.append(p if name is None or name == p.name else p.model_copy(update={"name": name}))
        return config.model_copy(update={"partners": tuple(partners)}) if partners else config

    def _add(self, reason: Reason, message: Msg, where: Location) -> None:
        self.problems.append(Problem.of(reason, message, where))


def _finding_msg(f: Finding) -> Msg:
    """A finding's catalogue message (every finding of dia.model.checks has one)."""
    return f.msg if f.msg is not None else msg("text", text=f.message)


#: Model field named in a finding -> record field of the cell to point at.
_FIELD_COLUMN = {"streets": "location", "geometry": "location", "profile": "id"}


def _fund_row(rows: list[Record], f: Finding) -> Record | None:
    """The fund row a finding is about (for a year outside the horizon: that year's row)."""
    if f.field == "year":
        for rec in rows:
            year = rec.values.get("year")
            if year is not None and str(year) in f.message:
                return rec
    return rows[0] if rows else None


def _type_lookup(config: AreaConfig) -> dict[str, str]:
    """Type id, Dutch label or English label (case-insensitive) -> type id."""
    out: dict[str, str] = {}
    for t in config.types:
        for label in (t.label, t.label_en):
            if label:
                out.setdefault(label.casefold(), t.id)
    out.update({t.id.casefold(): t.id for t in config.types})
    return out


def _buurt_lookup(config: AreaConfig) -> dict[str, str]:
    """Buurt code, name or alias (case-insensitive) -> CBS code."""
    out: dict[str, str] = {}
    for b in config.buurten:
        for label in (b.name, *b.aliases):
            out.setdefault(" ".join(label.split()).casefold(), b.code)
    out.update({b.code.casefold(): b.code for b in config.buurten})
    return out
