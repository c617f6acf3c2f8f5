"""Refusals in a form: all shown at once under their fields, wrapped, and each gone once its field is edited."""

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit

from coopdesk.domain.errors import Refusal, Refusals
from coopdesk.ui.widgets.fields import FieldErrors


def test_all_problems_show_and_each_goes_when_its_field_is_edited(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    errors = FieldErrors(QLabel(dialog))
    name, phone = QLineEdit(dialog), QLineEdit(dialog)
    form = QFormLayout(dialog)
    form.addRow(errors.general)
    form.addRow("Name", errors.wrap("name", name))
    form.addRow("Phone", errors.wrap("phone", phone))
    dialog.show()
    errors.show(Refusals([Refusal("The member needs a name.", field="name"),
                          Refusal("“{value}” is not a phone number.", field="phone", value="01x"),
                          Refusal("Something about the whole form.")]))
    assert errors.shown() == {"name": "The member needs a name.", "phone": "“01x” is not a phone number.",
                              "": "Something about the whole form."}
    assert errors.labels["name"].wordWrap() and errors.general.wordWrap()
    qtbot.keyClicks(name, "Kim")  # keyClicks types ASCII only
    assert set(errors.shown()) == {"phone", ""}  # fixed: its message is gone, the others stay
