"""Situations taken from the articles, and the advice each must (and must not) produce."""

import telework


def ids(**answers: str) -> tuple[str, ...]:
    return telework.plan(answers).item_ids()


def test_job_seeker_who_needs_remote_work_is_told_to_raise_it_early() -> None:
    plan = ids(situation="interviewing", motive="need")
    assert "raise-early" in plan
    assert "dont-spring-it" in plan
    assert "raise-later" not in plan and "wait-until-earned" not in plan


def test_job_seeker_who_merely_wants_it_in_a_crowded_field_is_told_to_wait() -> None:
    plan = ids(situation="interviewing", motive="want", demand="ordinary", field="crowded")
    assert "wait-until-earned" in plan
    assert "raise-early" not in plan and "raise-later" not in plan
    assert "negotiate-as-benefit" not in plan


def test_in_demand_job_seeker_who_wants_it_waits_a_little_then_negotiates() -> None:
    plan = ids(situation="interviewing", motive="want", demand="high", field="crowded")
    assert {"raise-later", "negotiate-as-benefit"} <= set(plan)


def test_applicant_for_a_job_elsewhere_is_up_front_and_expects_refusals() -> None:
    plan = ids(situation="elsewhere", connections="yes", role_design="yes", demand="high")
    assert {
        "elsewhere-up-front",
        "elsewhere-expect-no",
        "elsewhere-designed-role",
        "elsewhere-connections",
        "elsewhere-lead-with-skills",
        "dont-spring-it",
    } <= set(plan)
    assert "elsewhere-build-network" not in plan


def test_a_maybe_gets_a_trial_and_never_both_a_pay_cut_and_extra_work() -> None:
    for offer in ("trial_only", "pay", "work"):
        plan = ids(situation="current", stage="maybe", maybe_offer=offer)
        assert {"maybe-trial", "maybe-ask-acceptable", "dont-combine"} <= set(plan)
        assert not {"maybe-pay-cut", "maybe-extra-work"} <= set(plan)
    assert "maybe-pay-cut" in ids(situation="current", stage="maybe", maybe_offer="pay")
    assert "maybe-extra-work" in ids(situation="current", stage="maybe", maybe_offer="work")


def test_a_no_leads_to_conditions_smaller_asks_revisiting_and_perhaps_moving_on() -> None:
    plan = ids(situation="current", stage="no")
    assert {
        "no-ask-conditions",
        "no-smaller-ask",
        "no-revisit",
        "no-gather-evidence",
        "no-move-on",
        "dont-dismiss-options",
    } <= set(plan)


def test_a_yes_is_kept_working_with_reports_reachability_and_a_backup_plan() -> None:
    plan = ids(situation="current", stage="yes", arrangement="trial")
    assert {
        "yes-reachable",
        "yes-status-reports",
        "yes-backup-plan",
        "yes-flexible",
        "yes-review-trial",
        "yes-confirm-terms",
    } <= set(plan)
    assert "propose-trial" not in plan, "the trial is already agreed"


def test_a_new_employee_earns_trust_before_asking() -> None:
    plan = ids(situation="current", trust="new", arrangement="full_time")
    assert {"earn-trust-first", "start-smaller"} <= set(plan)
    assert "show-track-record" not in plan


def test_sensitive_data_brings_the_security_concerns() -> None:
    with_data = set(ids(situation="current", sensitive_data="yes"))
    without = set(ids(situation="current", sensitive_data="no"))
    assert with_data - without == {"concern-data", "concern-sensitive"}


def test_the_employers_five_concerns_are_all_answered_for_a_current_employee() -> None:
    plan = ids(situation="current", sensitive_data="yes")
    assert {
        "concern-data",
        "concern-sensitive",
        "concern-productivity",
        "concern-performance",
        "concern-oversight",
    } <= set(plan)


def test_a_poor_home_setup_is_fixed_before_asking() -> None:
    assert "fix-home-setup" in ids(home_setup="not_yet")
    assert "fix-home-setup" not in ids(home_setup="ready")
