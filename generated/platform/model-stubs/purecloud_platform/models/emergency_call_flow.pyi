from .emergency import EmergencyCallFlow as EmergencyCallFlow
