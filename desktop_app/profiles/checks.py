"""Cross-checks of a whole profile, after its sections have been read and typed.

What one section says about another: the id is the file's name, references (identification keys,
derived breakdowns, output columns) name existing fields, a header spelling points to one field
only, nothing internal is output, and the route (``flow``) has the sections it needs. Key paths are
the profile's own (``output.columns[3].source``): array positions are the typed tuples' indexes.
"""

from __future__ import annotations

from desktop_app.profiles.model import (
    BreakdownSource,
    Channel,
    FieldRole,
    FieldSource,
    FieldType,
    Flow,
    OrganisationSource,
    PeildatumSource,
    Programme,
    Protection,
)
from desktop_app.profiles.reader import Context, at, quote


def check_programme(ctx: Context, programme: Programme) -> Programme:
    """Refuse ``programme`` (read from ``ctx.path``) if its sections disagree; else return it."""
    if programme.id != ctx.path.stem:
        ctx.fail("id", "id-mismatch", value=quote(programme.id), expected=ctx.path.stem)
    if programme.needs_employee_file and not programme.employee_fields:
        ctx.fail("employee_fields", "no-employee-fields")
    _check_flow(ctx, programme)
    _check_header_synonyms(ctx, programme)
    _check_identification_keys(ctx, programme)
    _check_breakdowns(ctx, programme)
    _check_output_columns(ctx, programme)
    _check_delivery(ctx, programme)
    _check_office_steps(ctx, programme)
    return programme


def _check_flow(ctx: Context, programme: Programme) -> None:
    """The KSZ route needs its reference figures; the CBS route has no use for them."""
    if programme.flow is Flow.KSZ and programme.crossing is None:
        ctx.fail("crossing", "flow-needs-crossing", flow=str(programme.flow))
    if programme.flow is not Flow.KSZ and programme.crossing is not None:
        ctx.fail("crossing", "crossing-needs-ksz", flow=str(programme.flow))


def _field_ref(ctx: Context, programme: Programme, where: str, value: str) -> None:
    if value not in {f.id for f in programme.employee_fields}:
        ctx.fail(
            where,
            "unknown-field",
            value=quote(value),
            available=", ".join(f.id for f in programme.employee_fields) or "-",
        )


def _check_header_synonyms(ctx: Context, programme: Programme) -> None:
    """A header spelling may point to one employee field or breakdown only."""
    from desktop_app.text import normalise_header

    owner: dict[str, str] = {}
    groups = [
        ("employee_fields", position, f.id, f.synonyms)
        for position, f in enumerate(programme.employee_fields)
    ] + [
        ("breakdowns", position, b.id, b.synonyms)
        for position, b in enumerate(programme.breakdowns)
    ]
    for section, position, item_id, synonyms in groups:
        for index, synonym in enumerate(synonyms):
            first = owner.setdefault(normalise_header(synonym), item_id)
            if first != item_id:
                ctx.fail(
                    f"{section}[{position}].synonyms[{index}]",
                    "duplicate-spelling",
                    value=quote(synonym),
                    first=quote(first),
                    second=quote(item_id),
                )


def _check_identification_keys(ctx: Context, programme: Programme) -> None:
    for position, key in enumerate(programme.identification_keys):
        where = at("identification_keys", position)
        entries = [
            (at(at(where, name), index), value)
            for name, values in (("fields", key.fields), ("optional_fields", key.optional_fields))
            for index, value in enumerate(values)
        ]
        for place, value in entries:
            _field_ref(ctx, programme, place, value)
        ctx.unique(entries)


def _check_breakdowns(ctx: Context, programme: Programme) -> None:
    for position, breakdown in enumerate(programme.breakdowns):
        if breakdown.derived_from is None:
            continue
        where = at(at("breakdowns", position), "derived_from")
        _field_ref(ctx, programme, where, breakdown.derived_from)
        source_type = programme.employee_field(breakdown.derived_from).type
        if source_type is not FieldType.DATE:
            ctx.fail(
                where,
                "not-a-date-field",
                value=quote(breakdown.derived_from),
                type=str(source_type),
            )


def _check_output_columns(ctx: Context, programme: Programme) -> None:
    """Every source names something that may leave the machine; ``part`` and ``format`` only
    with a date."""
    if programme.output is None:
        return
    organisation = [f.id for f in programme.organisation_fields]
    for position, column in enumerate(programme.output.columns):
        table = at(at("output", "columns"), position)
        where = at(table, "source")
        is_date = False
        match column.source:
            case PeildatumSource():
                is_date = True
            case FieldSource(field=field_id):
                _field_ref(ctx, programme, where, field_id)
                field = programme.employee_field(field_id)
                if field.role is FieldRole.INTERNAL:
                    ctx.fail(where, "internal-field", value=quote(field_id))
                is_date = field.type is FieldType.DATE
            case OrganisationSource(field=field_id) if field_id not in organisation:
                ctx.fail(
                    where,
                    "unknown-organisation-field",
                    value=quote(field_id),
                    available=", ".join(organisation) or "-",
                )
            case BreakdownSource(number=number) if (
                programme.max_breakdowns is not None and number > programme.max_breakdowns
            ):
                ctx.fail(
                    where,
                    "breakdown-number",
                    value=str(number),
                    maximum=programme.max_breakdowns,
                )
        for key, value in (("part", column.part), ("format", column.format)):
            if value is not None and not is_date:
                ctx.fail(at(table, key), "part-needs-date", value=quote(str(column.source)))


def _check_delivery(ctx: Context, programme: Programme) -> None:
    """The ``[portal]`` settings serve an upload channel the office accepts; a certificate pin
    only where the office accepts the CMS envelope."""
    delivery = programme.delivery
    if programme.portal is not None and Channel(programme.portal.protocol) not in delivery.channels:
        ctx.fail(
            at("portal", "protocol"), "channel-not-accepted", value=quote(programme.portal.protocol)
        )
    if programme.recipient_certificate_sha256 and Protection.CMS not in delivery.protections:
        ctx.fail("recipient_certificate_sha256", "needs-protection", protection=str(Protection.CMS))


def _check_office_steps(ctx: Context, programme: Programme) -> None:
    """Exactly one step is the delivery when the profile lists the office's steps."""
    if not programme.office_steps:
        return
    marked = [step.id for step in programme.office_steps if step.delivery]
    if len(marked) != 1:
        ctx.fail("office_steps", "one-delivery-step", count=len(marked))
