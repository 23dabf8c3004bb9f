"""SMART goal check (000_cca45a3cc66b965b.txt, 营销目标的制定--SMART原则).

``tool.TOOL`` is the wizard; ``vocabulary`` holds the words and patterns the rules look for,
``rules`` the checks and the rewritten goal, ``texts`` every Chinese sentence.
"""
