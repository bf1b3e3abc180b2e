from .emergency import EmergencyLocation as EmergencyLocation
