from .emergency import EmergencyGroup as EmergencyGroup
