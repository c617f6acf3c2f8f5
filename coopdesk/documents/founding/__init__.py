"""The filing pack of a founding (설립신고 서류 / 설립인가 신청 서류): ``pack`` puts it together."""
