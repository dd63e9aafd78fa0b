"""The wizard's pages by id and the routes through them: what the wizard and its pages share.

Pages name the page that follows (``nextId``) and the wizard lays out the steps from these routes;
both import this module, and neither imports the other for it.
"""

from __future__ import annotations

from enum import IntEnum


class PageId(IntEnum):
    PROGRAMME = 0
    CHECKLIST = 1
    ORGANISATION = 2
    FILE = 3
    MAPPING = 4
    VALIDATION = 5
    CATEGORIES = 6
    REVIEW = 7
    ENCRYPT = 8
    # The Belgian KSZ route (ksz-diversiteit): its own pages after the organisation page.
    KSZ_DECISIONS = 9
    KSZ_MOTIVATION = 10
    KSZ_CATEGORIES = 11
    KSZ_REQUEST = 12
    # After the file is made: sending it (upload or the officer's own hand-in) and the ending.
    SEND = 13
    DONE = 14


# Without an employee file there is nothing to read or categorise (CBS algemene variant): the
# application with the typed staff counts goes from the organisation page to review, making the
# file, sending it and the ending.
FILE_PAGES = (
    PageId.FILE,
    PageId.MAPPING,
    PageId.VALIDATION,
    PageId.CATEGORIES,
)

# The Dutch (CBS) route: the pages in order (the file pages skipped without a staff export).
CBS_ROUTE = (
    *(p for p in PageId if p <= PageId.ENCRYPT),
    PageId.SEND,
    PageId.DONE,
)
# The steps once a file for the office exists: make it, send it, the ending.
SENDING_PAGES = (PageId.ENCRYPT, PageId.SEND, PageId.DONE)
KSZ_PAGES = (
    PageId.KSZ_DECISIONS,
    PageId.KSZ_MOTIVATION,
    PageId.KSZ_CATEGORIES,
    PageId.KSZ_REQUEST,
)


def ksz_route(sends_own_data: bool) -> tuple[PageId, ...]:
    """The Belgian route: the KSZ's four steps (decide, motivate, describe in categories, apply)
    after the organisation; with the institution's own data for linkage, the staff file is read,
    mapped and checked before the categories, and the linkage file is reviewed, made, sent and
    the ending shown after the request."""
    file_pages = (PageId.FILE, PageId.MAPPING, PageId.VALIDATION) if sends_own_data else ()
    linkage = (PageId.REVIEW, *SENDING_PAGES) if sends_own_data else ()
    return (
        PageId.PROGRAMME,
        PageId.CHECKLIST,
        PageId.ORGANISATION,
        PageId.KSZ_DECISIONS,
        PageId.KSZ_MOTIVATION,
        *file_pages,
        PageId.KSZ_CATEGORIES,
        PageId.KSZ_REQUEST,
        *linkage,
    )
