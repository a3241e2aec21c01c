// A struct owning heap data: updating fields, and what happens to them when it is dropped.
struct Playlist {
    name: String,
    songs: Vec<String>,
    plays: u32,
}

impl Playlist {
    fn new(name: &str) -> Playlist {
        Playlist { name: name.to_string(), songs: Vec::new(), plays: 0 }
    }

    fn add(&mut self, song: &str) {
        self.songs.push(song.to_string());
        println!("added {:?}: {} songs, capacity {}", song, self.songs.len(), self.songs.capacity());
    }

    fn play_all(&mut self) {
        for song in self.songs.iter() {
            println!("playing {}", song);
        }
        self.plays += 1;
    }
}

impl Drop for Playlist {
    fn drop(&mut self) {
        println!("dropping playlist {} ({} songs, played {} times)", self.name, self.songs.len(), self.plays);
    }
}

fn main() {
    let mut list = Playlist::new("road trip");
    list.add("Holiday");
    list.add("Africa");
    list.add("Roam");
    list.play_all();
    list.name.push_str(" 2024");
    println!("size of Playlist = {}", std::mem::size_of::<Playlist>());
    {
        let other = Playlist::new("empty");
        println!("made {}", other.name);
    }
    println!("end of main");
}
