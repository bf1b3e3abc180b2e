from .wheel import WheelPickerItem as WheelPickerItem
