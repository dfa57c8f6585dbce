import csv
import hashlib
import json
from types import SimpleNamespace

import numpy as np
import pytest
import torch
from PIL import Image

import twinspect_training.train as train_module
from twinspect_training.checkpoint import load_checkpoint, save_checkpoint
from twinspect_training.imageio import normalise
from twinspect_training.train import EXIT_DIVERGED, main

TINY = ["--preset", "tiny", "--set", "train.threads=2"]


def _run(image_folder, out, *extra):
    return main(["--images", str(image_folder), "--out", str(out), *TINY, *extra])


def _events(out):
    return [json.loads(line) for line in (out / "metrics.jsonl").read_text().splitlines()]


def _weights(out):
    state = load_checkpoint(out / "checkpoint.pt")["model"]
    return hashlib.sha256(b"".join(v.numpy().tobytes() for v in state.values())).hexdigest()


@pytest.fixture(scope="module")
def tiny_run(image_folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    assert _run(image_folder, out) == 0
    return out


def test_tiny_config_trains_and_logs_json_lines(tiny_run):
    events = _events(tiny_run)
    epochs = [e for e in events if e["event"] == "epoch"]
    assert events[0]["event"] == "start" and events[-1]["event"] == "done"
    assert [e["epoch"] for e in epochs] == [1, 2]
    for e in epochs:
        assert {"loss", "bce", "bt", "lr", "step"} <= set(e)
        assert 0.0 <= e["val"]["all"]["auc"] <= 1.0
    split = json.loads((tiny_run / "split.json").read_text())
    assert not set(split["train"]) & set(split["test"]) and not set(split["val"]) & set(split["test"])


def test_same_seed_gives_the_same_model(image_folder, tiny_run, tmp_path):
    assert _run(image_folder, tmp_path) == 0
    assert _weights(tmp_path) == _weights(tiny_run)


def test_views_made_in_worker_processes_give_the_same_model(image_folder, tiny_run, tmp_path):
    assert _run(image_folder, tmp_path, "--set", "train.loader_workers=2") == 0
    assert _weights(tmp_path) == _weights(tiny_run)


def test_uint8_views_reach_the_model_normalised_exactly_as_scoring_normalises_them():
    views = np.random.default_rng(0).integers(0, 256, (4, 3, 16, 16), dtype=np.uint8)
    on_device = train_module.device_input(views, torch.device("cpu"))
    assert on_device.dtype == torch.float32
    assert torch.equal(on_device, torch.from_numpy(normalise(views)))


def test_split_images_fill_their_share_of_the_batch_with_two_disjoint_halves():
    pixels = np.arange(6 * 10 * 3, dtype=np.uint8).reshape(6, 10, 3)
    wide, tall = Image.fromarray(pixels), Image.fromarray(pixels.transpose(1, 0, 2).copy())
    cache = SimpleNamespace(images=[wide, tall] * 4)
    images = train_module.batch_images(cache, list(range(8)), 0.5)
    assert len(images) == 8  # 2 images cut in two, the batch's last 2 dropped
    for whole, (a, b) in ((wide, images[:2]), (tall, images[2:4])):
        assert a.size == b.size and a.size[0] * a.size[1] * 2 == whole.size[0] * whole.size[1]
        halves = np.concatenate([np.asarray(a), np.asarray(b)], axis=1 if whole is wide else 0)
        assert np.array_equal(halves, np.asarray(whole))  # together exactly the image, no overlap
    assert images[4:] == cache.images[2:6]
    assert train_module.batch_images(cache, list(range(8)), 0.0) == cache.images


def test_an_image_too_small_to_cut_stays_whole():
    dot, wide = Image.new("RGB", (1, 1)), Image.new("RGB", (2, 1))
    cache = SimpleNamespace(images=[dot, wide, dot, dot])
    images = train_module.batch_images(cache, list(range(4)), 1.0)
    assert images[0] is dot  # a 1 px image has no two halves; the batch is a slot shorter
    assert [im.size for im in images[1:]] == [(1, 1), (1, 1)]  # a 2 px image cuts into two 1 px halves


def test_checkpoints_are_written_every_n_epochs_and_at_the_end(image_folder, tmp_path, monkeypatch):
    written = []

    def save_and_record(path, state):
        written.append(state["epoch"])
        save_checkpoint(path, state)

    monkeypatch.setattr(train_module, "save_checkpoint", save_and_record)
    assert _run(image_folder, tmp_path, "--set", "train.epochs=3", "--set", "train.checkpoint_every=2") == 0
    assert written == [2, 3]


@pytest.mark.parametrize("checkpoint_every", ["1", "5"])
def test_resume_continues_where_it_stopped(image_folder, tiny_run, tmp_path, checkpoint_every):
    # A time budget this small pauses the run after its first epoch, as a kill would; a pause
    # writes a checkpoint even between the epochs that `checkpoint_every` asks for.
    assert _run(image_folder, tmp_path, "--set", "train.max_minutes=1e-6",
                "--set", f"train.checkpoint_every={checkpoint_every}") == 0
    assert load_checkpoint(tmp_path / "checkpoint.pt")["epoch"] == 1
    assert [e["event"] for e in _events(tmp_path)][-1] == "paused"
    assert _run(image_folder, tmp_path, "--resume", "--set", "train.max_minutes=0") == 0
    events = _events(tmp_path)
    assert [e["epoch"] for e in events if e["event"] == "epoch"] == [1, 2]
    assert any(e["event"] == "resume" for e in events)
    # Same data order, same RNG: resuming reproduces the uninterrupted run.
    assert _weights(tmp_path) == _weights(tiny_run)


def test_divergence_stops_with_a_reason_and_keeps_the_last_checkpoint(image_folder, tmp_path, capsys):
    assert _run(image_folder, tmp_path, "--set", "train.epochs=1") == 0
    before = _weights(tmp_path)
    code = _run(image_folder, tmp_path, "--resume", "--set", "train.epochs=2", "--set", "train.bt_lambda=NaN")
    assert code == EXIT_DIVERGED
    assert '"reason": "diverged"' in capsys.readouterr().out
    assert _weights(tmp_path) == before


def test_labelled_pairs_feed_the_bce_term(image_folder, tmp_path):
    files = sorted(p.relative_to(image_folder).as_posix() for p in image_folder.rglob("*.*"))
    with open(tmp_path / "pairs.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["a", "b", "label", "weight"])
        w.writerow([files[0], files[1], "different", "3"])
        w.writerow([files[2], files[3], "same", "1"])
    out = tmp_path / "run"
    assert _run(image_folder, out, "--pairs", str(tmp_path / "pairs.csv"), "--set", "train.epochs=1") == 0
    epochs = [e for e in _events(out) if e["event"] == "epoch"]
    assert epochs and "labelled_bce" in epochs[0]
