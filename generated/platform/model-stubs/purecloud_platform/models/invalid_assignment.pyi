from .invalid import InvalidAssignment as InvalidAssignment
