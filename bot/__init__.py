"""服务营销顾问 core: knowledge, retrieval, strategy engine — independent of Rasa."""
