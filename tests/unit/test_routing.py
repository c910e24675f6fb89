from relay.config import Matcher, Route
from relay.model import Alert, Severity, Source
from relay.routing import route


def alert(**kw: object) -> Alert:
    base: dict[str, object] = {"source": Source.DIRECT, "severity": Severity.WARNING,
                               "title": "t", "service": "billing", "fingerprint": "fp"}
    base.update(kw)
    return Alert.model_validate(base)


ROUTES = (
    Route(Matcher(severity=frozenset({"critical"})), ("slack-crit", "pd"), cont=True,
          name="crit"),
    Route(Matcher(service=frozenset({"billing"}), tags=(("team", frozenset({"money"})),)),
          ("slack-billing",), name="billing"),
    Route(Matcher(), ("slack-all",), name="fallback"),
)


def test_first_match_wins() -> None:
    assert route(alert(), ROUTES).receivers == ("slack-all",)
    assert route(alert(tags={"team": "money"}), ROUTES).receivers == ("slack-billing",)


def test_continue_collects_later_routes_once() -> None:
    res = route(alert(severity=Severity.CRITICAL), ROUTES)
    assert res.receivers == ("slack-crit", "pd", "slack-all")
    assert res.routes == ("crit", "fallback")


def test_unusable_receivers_are_skipped() -> None:
    res = route(alert(severity=Severity.CRITICAL), ROUTES, frozenset({"pd"}))
    assert res.receivers == ("pd",)


def test_environment_and_source_matchers() -> None:
    routes = (Route(Matcher(environment=frozenset({"staging"}),
                            source=frozenset({"sentry"})), ("a",)),)
    assert route(alert(environment="staging", source=Source.SENTRY), routes).receivers == ("a",)
    assert route(alert(environment="staging"), routes).receivers == ()


def test_a_muted_route_matches_but_sends_nothing() -> None:
    res = route(alert(severity=Severity.CRITICAL), ROUTES, muted=lambda r: r.name == "crit")
    assert res.receivers == ("slack-all",)  # crit continues, so the fallback still gets it
    assert res.muted == ("crit",)
    res = route(alert(), ROUTES, muted=lambda r: r.name == "fallback")
    assert res.receivers == () and res.routes == ("fallback",) and res.muted == ("fallback",)
