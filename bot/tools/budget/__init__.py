"""The annual marketing budget tool: support + own spend, split over the months by sales share.

``bot.tools.budget.tool:TOOL`` is the engine tool; ``compute`` is the pure arithmetic.
"""
