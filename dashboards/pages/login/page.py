"""Reviewer login: a plain HTML form posted to the server's /login route."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboards.auth import current_reviewer, safe_next
from dashboards.login_limits import login_error_message

dash.register_page(__name__, path="/login", name="Login", title="Reviewer login", nav=False)


def layout(
    error: str | None = None, next: str | None = None, wait: str | None = None, **_query
) -> html.Div:
    name = current_reviewer()
    problem = login_error_message(error, wait)
    if name:
        return dbc.Alert(f"You are logged in as {name}.", color="success", id="login-done")
    return dbc.Row(
        dbc.Col(
            [
                html.H4("Reviewer login"),
                html.P(
                    "Anyone may view. Reviewing and uploading need a reviewer account "
                    "(added with `python -m etl add-user NAME`).",
                    className="text-muted small",
                ),
                dbc.Alert(problem, color="danger", id="login-error") if problem else None,
                html.Form(
                    [
                        dbc.Label("Username", html_for="login-username"),
                        dcc.Input(
                            id="login-username",
                            name="username",
                            type="text",
                            required=True,
                            autoComplete="username",
                            className="form-control mb-2",
                        ),
                        dbc.Label("Password", html_for="login-password"),
                        dcc.Input(
                            id="login-password",
                            name="password",
                            type="password",
                            required=True,
                            autoComplete="current-password",
                            className="form-control mb-3",
                        ),
                        dcc.Input(type="hidden", name="next", value=safe_next(next)),
                        html.Button(
                            "Log in", id="login-submit", type="submit", className="btn btn-primary"
                        ),
                    ],
                    action="/login",
                    method="POST",
                ),
            ],
            md=4,
        )
    )
