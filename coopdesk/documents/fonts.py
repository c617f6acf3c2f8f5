"""The bundled Nanum fonts, registered with reportlab once.

Only TrueType-outline fonts are embedded by reportlab, so the Korean text uses the
bundled Nanum Gothic / Nanum Myeongjo files.  The built-in CID fonts (HYSMyeongJo,
HYGothic) are never used: they are not embedded and print as boxes on machines
without them.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from coopdesk.paths import fonts_dir

GOTHIC = "NanumGothic"
GOTHIC_BOLD = "NanumGothic-Bold"
MYEONGJO = "NanumMyeongjo"
MYEONGJO_BOLD = "NanumMyeongjo-Bold"

# family name -> (regular face, regular file, bold face, bold file)
_FAMILIES = {
    GOTHIC: (GOTHIC, "NanumGothic.ttf", GOTHIC_BOLD, "NanumGothicBold.ttf"),
    MYEONGJO: (MYEONGJO, "NanumMyeongjo.ttf", MYEONGJO_BOLD, "NanumMyeongjoBold.ttf"),
}

_lock = threading.Lock()  # documents may be rendered from a worker thread
_registered: set[str] = set()


def register_fonts(families: tuple[str, ...] = (GOTHIC,)) -> None:
    """Register these Nanum families; safe to call any number of times.

    Only the families a document uses: parsing a Korean TrueType file costs about 0.1 s,
    which is most of the time of a first one-page print."""
    if all(f in _registered for f in families):
        return
    with _lock:
        folder = fonts_dir()
        for family in families:
            if family in _registered:
                continue
            regular, regular_file, bold, bold_file = _FAMILIES[family]
            pdfmetrics.registerFont(TTFont(regular, str(folder / regular_file)))
            pdfmetrics.registerFont(TTFont(bold, str(folder / bold_file)))
            # Without the family mapping <b> in a Paragraph silently prints regular.
            pdfmetrics.registerFontFamily(
                family, normal=regular, bold=bold, italic=regular, boldItalic=bold
            )
            _registered.add(family)
