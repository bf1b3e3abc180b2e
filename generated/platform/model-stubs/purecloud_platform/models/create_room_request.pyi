from .create import CreateRoomRequest as CreateRoomRequest
