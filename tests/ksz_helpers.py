"""The Belgian KSZ test institution shared by the KSZ tests (command line, wizard, crossing check
and linkage): a municipality with a few small departments, its organisation, its motivation and a
staff file with valid national numbers."""

from __future__ import annotations

from pathlib import Path

# Onthaal (4 people) is too small to cross with origin and sex, so the crossing check flags it
# until its proposal merges it.
SIZES = {
    ("Financiën", "A"): 120,
    ("Financiën", "B"): 80,
    ("Financiën", "C"): 60,
    ("ICT", "A"): 90,
    ("ICT", "B"): 40,
    ("ICT", "C"): 15,
    ("Juridische dienst", "A"): 12,
    ("Juridische dienst", "B"): 6,
    ("Communicatie", "B"): 9,
    ("Onthaal", "C"): 4,
}
# As typed on the organisation page (the draft keeps kbo_numbers as a list).
ORGANISATION = {
    "name": "Stad Voorbeeld",
    "address": "Markt 1, 9000 Gent",
    "kbo_numbers": "0207.451.227",
    "contact_name": "An Peeters",
    "contact_email": "an.peeters@voorbeeld.be",
    "contact_phone": "+32 9 123 45 67",
    "signatory_name": "Jan Janssens",
    "signatory_function": "Algemeen directeur",
}
MOTIVATION = {
    "purpose": "Nulmeting van de samenstelling van ons personeel per directie, als basis voor "
    "het actieplan 2026-2028 van Stad Voorbeeld.",
    "legal_basis": "Decreet van 7 december 2018 betreffende het gelijkekansen- en "
    "diversiteitsbeleid, artikel 6.",
    "proportionality": "Alleen geaggregeerde aantallen in brede categorieën; geen individuele "
    "gegevens komen terug naar de organisatie.",
    "plan_action": "Actie 2.3 van het diversiteitsplan: streefcijfers per functieniveau bepalen "
    "en jaarlijks opvolgen.",
}


def valid_insz(index: int) -> str:
    """A valid national number for someone born in the 1980s (check digits computed here)."""
    base = f"8{index % 10}0{1 + index % 9}{10 + index % 18:02d}{100 + index:03d}"[:9]
    return base + f"{97 - int(base) % 97:02d}"


def staff_file(folder: Path) -> Path:
    """personeel.csv in folder: one row per person of SIZES, with national number and regime."""
    lines = ["Rijksregisternummer;Personeelsnummer;Afdeling;Niveau;Arbeidsregime\n"]
    index = 0
    for (unit, level), count in SIZES.items():
        for _ in range(count):
            regime = "voltijds" if index % 4 else "deeltijds"
            lines.append(f"{valid_insz(index)};P{index:04d};{unit};{level};{regime}\n")
            index += 1
    path = folder / "personeel.csv"
    path.write_text("".join(lines), encoding="utf-8")
    return path
