"""Recording the day an amendment of the bylaws was reported to the city or province.

From that day the amended version is in force (Act 16③); until then the co-op runs on
the version before it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from coopdesk.i18n import _, current
from coopdesk.services.bylaws import BylawsVersionView, record_bylaws_report
from coopdesk.ui.context import CoopContext
from coopdesk.ui.save_dialog import SaveDialog
from coopdesk.ui.widgets.fields import date_edit, from_qdate


class BylawsReportDialog(SaveDialog):
    def __init__(self, context: CoopContext, version: BylawsVersionView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bylaws_report_dialog")
        self.setWindowTitle(_("Record the report of the amendment"))
        self.context, self.version = context, version
        about = QLabel(_("Version {version} of the bylaws, adopted on {date}, comes into force on the day it is "
                         "reported to the city or province (for a social co-op: authorised).",
                         version=current().number(version.version), date=current().date(version.adopted_on)), self)
        about.setWordWrap(True)
        self.date = date_edit(max(version.adopted_on, min(dt.date.today(), version.adopted_on + dt.timedelta(14))),
                              self)
        form = QFormLayout()
        form.addRow(about)
        form.addRow(_("Reported on:"), self.errors.wrap("reported_on", self.date))
        self.lay_out(form, min_width=460)

    def save(self) -> BylawsVersionView:
        return record_bylaws_report(self.context.db, self.context.coop_id, self.version.version,
                                    from_qdate(self.date.date()))
