"""Competitor performance comparison (000_cca45a3cc66b965b.txt, 核查清单——与竞争方的绩效对比).

``tool.TOOL`` is the wizard; ``compare`` parses scores and finds leads and lags, ``to_swot``
turns a finished comparison into SWOT factors, ``texts`` holds every Chinese sentence.
"""
