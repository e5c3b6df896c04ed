"""Helpers shared by the pages; a folder of pages/ so that Streamlit never takes them for pages."""
