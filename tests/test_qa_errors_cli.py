"""The safety check's command line takes the paper checklist's words, as the Excel read-back does."""

from __future__ import annotations

import pytest

from tests.test_cli_incidents import data_dir, run  # noqa: F401 - fixture


@pytest.mark.parametrize(("typed", "shown"), [
    ("無事", "無事（自宅）"), ("避難", "避難済み"), ("要支援", "要支援・要救助"), ("入院等", "入院・施設"), ("不能", "連絡不能"),
    ("避難（味真野小学校）", "避難済み（味真野小学校）"), ("無事(自宅)", "無事（自宅）"),
])
def test_the_command_line_takes_the_papers_words_as_the_read_back_does(capsys, data_dir, typed, shown):
    code, _, err = run(capsys, data_dir, "incident", "start", "--town", "余川町", "--name", "7月豪雨")
    assert code == 0, err
    # WHEN a volunteer types the word ticked on the paper checklist
    code, out, err = run(capsys, data_dir, "incident", "record", "--town", "余川町", "--map-number", "2",
                         "--status", typed)
    # THEN it is recorded as that status
    assert code == 0, err
    assert out.startswith(f"recorded 余川町 No.2 山田　ハル: {shown} (訪問,")


def test_a_bad_status_on_the_command_line_names_the_option_once(capsys, data_dir):
    run(capsys, data_dir, "incident", "start", "--town", "余川町", "--name", "7月豪雨")
    code, _, err = run(capsys, data_dir, "incident", "record", "--town", "余川町", "--map-number", "2",
                       "--status", "たぶん無事")
    assert code == 1
    assert err == "error: --status たぶん無事: use one of 未確認、無事（自宅）、避難済み、要支援・要救助、入院・施設、連絡不能."
    # AND the status's English value (as scripts write it) is still taken
    code, out, err = run(capsys, data_dir, "incident", "record", "--town", "余川町", "--map-number", "2",
                         "--status", "safe_home")
    assert code == 0 and "山田　ハル: 無事（自宅）" in out, err
