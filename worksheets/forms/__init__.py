"""Forms: the worksheet form builder and the small forms around entries and templates."""
