from .calibration import CalibrationCreate as CalibrationCreate
