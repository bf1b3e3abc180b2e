from .forms import FormsTrackTrigger as FormsTrackTrigger
