from .other import OtherProfileAssignment as OtherProfileAssignment
