from .create import CreateRoomResponse as CreateRoomResponse
