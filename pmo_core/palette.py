"""The one palette: every chart, table and export draws a status or a risk band with these colours."""

STATUS_ORDER = ("green", "amber", "red", "grey")
STATUS_COLOURS = {"green": "#2E7D32", "amber": "#F9A825", "red": "#C62828", "grey": "#9E9E9E"}
# Colour never carries meaning alone: a shape (for print and colour-blind readers) goes with each status.
STATUS_SHAPES = {"green": "●", "amber": "▲", "red": "■", "grey": "○"}
STATUS_EMOJI = {"green": "🟢", "amber": "🟡", "red": "🔴", "grey": "⚪"}
STATUS_RANK = {"green": 0, "amber": 1, "red": 2}  # worse is higher; grey (not reported) is not ranked

BAND_ORDER = ("low", "moderate", "high", "critical")
BAND_COLOURS = {"low": "#2E7D32", "moderate": "#F9A825", "high": "#C62828", "critical": "#6A1B1A"}
# Critical takes a sign of its own: a red square beside a red circle was told apart only by its shape.
BAND_EMOJI = {"low": "🟢", "moderate": "🟡", "high": "🔴", "critical": "⛔"}

NEUTRAL = "#1F4E79"  # the theme's primary colour, for bars that carry no status
# Money series are not statuses: none of them takes a status colour (actual cost in red read as "bad").
PLANNED, ACTUAL, FORECAST, EARNED = "#1F4E79", "#7B1FA2", "#8E8E8E", "#00838F"

# A team's load (demand / capacity): spare, well used, over, far over, and demand that meets no capacity at all.
LOAD_ORDER = ("spare", "full", "over", "severe", "no_capacity")
LOAD_BOUNDS = (0.8, 1.0, 1.2)  # spare below 80 %, full up to 100 %, over up to 120 %, severe beyond
LOAD_COLOURS = {
    "spare": "#DCEDC8",
    "full": "#2E7D32",
    "over": "#C62828",
    "severe": "#6A1B1A",
    "no_capacity": "#424242",
}
LOAD_TEXT = {
    "spare": "#212121",
    "full": "#FFFFFF",
    "over": "#FFFFFF",
    "severe": "#FFFFFF",
    "no_capacity": "#FFFFFF",
}
