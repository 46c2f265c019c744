"""Worksheets: typed, versioned reflection worksheets that trainees complete on any device."""
