"""One module per wizard page; ``create_pages`` builds them in order."""

from __future__ import annotations

from desktop_app.ui.pages.base import WizardPage


def create_pages() -> dict[int, WizardPage]:
    from desktop_app.ui.pages.categories import CategoriesPage
    from desktop_app.ui.pages.checklist import ChecklistPage
    from desktop_app.ui.pages.done import DonePage
    from desktop_app.ui.pages.encrypt import EncryptPage
    from desktop_app.ui.pages.file import FilePage
    from desktop_app.ui.pages.ksz_categories import KszCategoriesPage
    from desktop_app.ui.pages.ksz_decisions import KszDecisionsPage
    from desktop_app.ui.pages.ksz_motivation import KszMotivationPage
    from desktop_app.ui.pages.ksz_request import KszRequestPage
    from desktop_app.ui.pages.mapping import MappingPage
    from desktop_app.ui.pages.organisation import OrganisationPage
    from desktop_app.ui.pages.programme import ProgrammePage
    from desktop_app.ui.pages.review import ReviewPage
    from desktop_app.ui.pages.send import SendPage
    from desktop_app.ui.pages.validation import ValidationPage
    from desktop_app.ui.routes import PageId

    return {
        PageId.PROGRAMME: ProgrammePage(),
        PageId.CHECKLIST: ChecklistPage(),
        PageId.ORGANISATION: OrganisationPage(),
        PageId.FILE: FilePage(),
        PageId.MAPPING: MappingPage(),
        PageId.VALIDATION: ValidationPage(),
        PageId.CATEGORIES: CategoriesPage(),
        PageId.REVIEW: ReviewPage(),
        PageId.ENCRYPT: EncryptPage(),
        PageId.KSZ_DECISIONS: KszDecisionsPage(),
        PageId.KSZ_MOTIVATION: KszMotivationPage(),
        PageId.KSZ_CATEGORIES: KszCategoriesPage(),
        PageId.KSZ_REQUEST: KszRequestPage(),
        PageId.SEND: SendPage(),
        PageId.DONE: DonePage(),
    }
