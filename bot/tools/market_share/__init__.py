"""Service potential & market share tool (000_cca45a3cc66b965b.txt, 服务市场份额 / 服务市场潜力).

``tool.TOOL`` is the wizard; ``compute`` holds the arithmetic, ``texts`` every Chinese string.
"""
