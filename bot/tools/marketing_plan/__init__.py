"""Service marketing plan builder (001_7e80720d6df069a7.txt, 13.1 服务营销策划 and 表13-2).

``tool.TOOL`` is the wizard; ``plan`` holds the parts, their state and the SWOT summaries,
``texts`` every Chinese sentence.
"""
